package dev.uploadgateway.problem.entity;

import jakarta.ejb.ApplicationException;

/** The body or the file is larger than the gateway or the chosen provider accepts. */
@ApplicationException
public class TooLarge extends Refused {

    public TooLarge(String detail) {
        super(ProblemType.UPLOAD_TOO_LARGE, detail);
    }
}
