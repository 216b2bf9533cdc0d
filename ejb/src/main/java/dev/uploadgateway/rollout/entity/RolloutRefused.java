package dev.uploadgateway.rollout.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import jakarta.ejb.ApplicationException;

/** An operator's action that the rollout's state does not allow now (promote at the final stage, …). */
@ApplicationException
public class RolloutRefused extends Refused {

    public RolloutRefused(String detail) {
        super(ProblemType.ROLLOUT_CONFLICT, detail);
    }
}
