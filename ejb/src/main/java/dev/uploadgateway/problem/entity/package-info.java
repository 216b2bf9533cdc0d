/**
 * What every component answers a request it cannot take with: {@link
 * dev.uploadgateway.problem.entity.Refused} (a stable problem type, its title and the detail for
 * this case) and its kinds. Shared by the components as their common language of refusal, so none of
 * them needs another's entities to say no; the web layer and the remote view turn them into answers.
 */
package dev.uploadgateway.problem.entity;
