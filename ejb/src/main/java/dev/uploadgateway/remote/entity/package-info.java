/**
 * What crosses the remote EJB view: serializable value classes and one exception, each with an
 * explicit {@code serialVersionUID}. They ship in the client jar
 * ({@code upload-gateway-ejb-<version>-client.jar}) and use only {@code java.*} types, so a client
 * needs no gateway or Jakarta class. Not records: Payara's ORB serializes values through field
 * offsets, which the JDK refuses for record classes ("can't get field offset on a record class").
 * Evolve them as Java serialization allows: add fields (an older peer ignores or defaults them),
 * never rename, retype or remove one, and keep the serialVersionUID.
 */
package dev.uploadgateway.remote.entity;
