package dev.uploadgateway.rollout.boundary;

import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.rollout.entity.Evaluation;
import dev.uploadgateway.rollout.entity.RolloutView;
import dev.uploadgateway.rollout.entity.Transition;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.lang.management.ManagementFactory;
import java.security.AccessController;
import java.security.Principal;
import java.util.function.Function;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/** Registers the rollout's MXBean in the platform MBean server for as long as the application runs. */
@Startup
@Singleton
public class RolloutManagement implements RolloutMXBean {

    static final String NAME = "dev.uploadgateway:type=Rollout";

    @EJB
    RolloutService rollout;

    @PostConstruct
    void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            // registered as a plain MXBean object, so JMX calls go through the EJB's business view
            server.registerMBean(new javax.management.StandardMBean(this, RolloutMXBean.class, true), name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + NAME, e);
        }
    }

    @PreDestroy
    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
        } catch (JMException e) {
            // already gone with the MBean server
        }
    }

    private RolloutView view() {
        return rollout.view();
    }

    @Override
    public int getStage() {
        return view().stage();
    }

    @Override
    public double getPercent() {
        return view().percent();
    }

    @Override
    public boolean isPaused() {
        return view().paused();
    }

    @Override
    public boolean isAsyncEnabled() {
        return view().asyncEnabled();
    }

    @Override
    public String getState() {
        return view().state().name();
    }

    @Override
    public String getLastVerdict() {
        Evaluation last = view().lastEvaluation();
        return last == null ? "none yet" : last.verdict() + ": " + String.join("; ", last.reasons());
    }

    @Override
    public String promote() {
        return act(by -> rollout.promote(by, null));
    }

    @Override
    public String approve() {
        return act(by -> rollout.approve(by, null));
    }

    @Override
    public String rollback() {
        return act(by -> rollout.rollback(by, null));
    }

    @Override
    public String pause() {
        return act(by -> rollout.pause(by, null));
    }

    @Override
    public String resume() {
        return act(by -> rollout.resume(by, null));
    }

    @SuppressWarnings("removal") // the JMX connector hands its Subject over through the access control context only
    private static String jmxCaller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String name = subject == null ? null : subject.getPrincipals(JMXPrincipal.class).stream().findFirst()
                .map(Principal::getName).orElse(null);
        return name == null ? "jmx" : "jmx:" + name;
    }

    /**
     * Who may call these: whoever the JMX connector let in (the platform MBean server's own
     * authentication and access file); the move is signed with that connector's principal.
     */
    private static String act(Function<String, Transition> action) {
        try {
            Transition t = action.apply(jmxCaller());
            return t.action() + ": stage " + t.fromStage() + " (" + t.fromPercent() + " %) -> stage " + t.toStage()
                    + " (" + t.toPercent() + " %)";
        } catch (Refused refused) {
            return "refused: " + refused.getMessage();
        }
    }
}
