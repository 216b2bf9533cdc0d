/**
 * The remote EJB view, for Java clients in other JVMs (RMI-IIOP, looked up by its portable
 * {@code java:global} name). It exists only in the EAR on Payara Server: the bean is declared by
 * the EAR's alternate deployment descriptor rather than by annotations, because the same EJB jar
 * runs inside the Payara Micro WAR, where a remote bean fails the deployment. No class exists twice;
 * packaging alone differs. The interface and its entities ship as the ejb module's client jar.
 */
package dev.uploadgateway.remote.boundary;
