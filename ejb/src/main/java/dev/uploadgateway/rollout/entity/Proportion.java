package dev.uploadgateway.rollout.entity;

/**
 * {@code events} out of {@code trials}, its point estimate and a Wilson confidence interval.
 * With no trials the estimate is 0 and the interval [0, 1]: nothing is known.
 */
public record Proportion(long events, long trials, double estimate, double lower, double upper) {
}
