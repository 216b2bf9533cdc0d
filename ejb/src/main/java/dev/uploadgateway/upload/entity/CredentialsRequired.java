package dev.uploadgateway.upload.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import jakarta.ejb.ApplicationException;

/** The caller must authenticate with an API key (401, with a Bearer challenge). */
@ApplicationException
public class CredentialsRequired extends Refused {

    public CredentialsRequired(String detail) {
        super(ProblemType.API_KEY_REQUIRED, detail);
    }
}
