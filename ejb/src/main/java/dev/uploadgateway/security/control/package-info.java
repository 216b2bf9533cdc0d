/**
 * Who may act on the rollout. A Jakarta Security identity store over MicroProfile Config, so the
 * operator's credentials are configuration like every other knob and can come from a Payara
 * password alias instead of a file.
 */
package dev.uploadgateway.security.control;
