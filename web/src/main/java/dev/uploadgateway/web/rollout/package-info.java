/** The rollout resource: what the decider will apply to the next upload. */
package dev.uploadgateway.web.rollout;
