/**
 * The rollout as callers see it: the switches in force now. Reading goes through the same decider
 * that routes uploads, so what this reports is what the next upload will get.
 */
package dev.uploadgateway.rollout.boundary;
