package dev.uploadgateway.web;

import dev.uploadgateway.upload.entity.RequestSize;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An upload that asks {@code Expect: 100-continue} and declares more than the gateway accepts gets
 * its 413 problem at once, without a {@code 100 Continue} first, so the client never starts sending
 * a body that is refused anyway. Grizzly's HttpHandler sends the 100 before the web container runs;
 * this listener adds a probe to each HTTP listener's {@code HttpServerFilter}, which Grizzly calls
 * before that, and clears the request's acknowledgement flag there. The resource then refuses the
 * request from its Content-Length as always. Payara's and Grizzly's classes are reached by reflection:
 * Payara bundles its own Grizzly build (4.0.2.payara-p2), which no public repository holds.
 */
@WebListener
public class ExpectContinueGuard implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ExpectContinueGuard.class.getName());
    static final List<String> UPLOAD_PATHS = List.of("/api/uploads", "/v1/files");

    private final List<Object> monitoringConfigs = new ArrayList<>();
    private final AtomicBoolean probeFailed = new AtomicBoolean();
    private Object probes;
    private Method removeProbes;

    // Hand-written: the platform offers no hook that runs before Grizzly acknowledges 100-continue.
    @Override
    public void contextInitialized(ServletContextEvent event) {
        // read once, as the upload component reads it (its settings are fixed while the gateway runs)
        long maxBytes = ConfigProvider.getConfig().getValue("upload.max-bytes", Long.class);
        String contextPath = event.getServletContext().getContextPath();
        try {
            // the web container's class loader sees Payara's internal API; the application's does not on Payara Server
            List<Object> filters = HttpServerFilters.all(event.getServletContext().getClass().getClassLoader());
            if (filters.isEmpty()) {
                throw new IllegalStateException("no HTTP listener found");
            }
            ClassLoader grizzly = filters.get(0).getClass().getClassLoader();
            Class<?> probeType = grizzly.loadClass("org.glassfish.grizzly.http.server.HttpServerProbe");
            Class<?> monitoring = grizzly.loadClass("org.glassfish.grizzly.monitoring.MonitoringConfig");
            AckSwitch ack = new AckSwitch(grizzly);
            InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
                case "onRequestReceiveEvent" -> {
                    decide(ack, args[2], contextPath, maxBytes);
                    yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "upload-gateway early refusal of over-limit Expect requests";
                default -> null;
            };
            probes = Array.newInstance(probeType, 1);
            Array.set(probes, 0, Proxy.newProxyInstance(grizzly, new Class<?>[]{probeType}, handler));
            removeProbes = monitoring.getMethod("removeProbes", Object[].class);
            Method addProbes = monitoring.getMethod("addProbes", Object[].class);
            Method monitoringConfig = filters.get(0).getClass().getMethod("getMonitoringConfig");
            for (Object filter : filters) {
                Object probed = monitoringConfig.invoke(filter);
                addProbes.invoke(probed, new Object[]{probes});
                monitoringConfigs.add(probed);
            }
            LOG.log(Level.INFO, "Uploads that ask Expect: 100-continue and declare more than upload.max-bytes get "
                    + "their 413 without 100 Continue, on {0} HTTP listener(s)", filters.size());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            contextDestroyed(event);
            LOG.log(Level.INFO, "Early refusal of over-limit Expect requests is unavailable ({0}): they get "
                    + "100 Continue before their 413", e.toString());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        for (Object probed : monitoringConfigs) {
            try {
                removeProbes.invoke(probed, new Object[]{probes});
            } catch (ReflectiveOperationException e) {
                LOG.log(Level.WARNING, "Could not remove the 100-continue probe: {0}", e.toString());
            }
        }
        monitoringConfigs.clear();
    }

    private void decide(AckSwitch ack, Object request, String contextPath, long maxBytes) {
        try {
            if (ack.requested(request)) {
                if (withholds(ack.method(request), ack.uri(request), ack.contentLength(request), maxBytes, contextPath)) {
                    ack.withhold(request);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a changed Grizzly: the request gets 100 Continue as without this guard
            if (probeFailed.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Early refusal of over-limit Expect requests failed, now and later: {0}", e.toString());
            }
        }
    }

    /** Whether the gateway's upload resources would refuse this request from its declared length alone. */
    static boolean withholds(String method, String uri, long contentLength, long maxBytes, String contextPath) {
        if (!"POST".equals(method) || contentLength <= RequestSize.largest(maxBytes) || uri == null) {
            return false;
        }
        for (String path : UPLOAD_PATHS) {
            String resource = contextPath + path;
            if (uri.equals(resource) || uri.startsWith(resource + "/") || uri.startsWith(resource + ";")) {
                return true;
            }
        }
        return false;
    }

    /** The request's 100-continue state, through Grizzly's {@code Request} and {@code HttpRequestPacket}. */
    private static final class AckSwitch {
        private final Method packet;
        private final Method requested;
        private final Method setRequested;
        private final Method contentLength;
        private final Method method;
        private final Method uri;

        AckSwitch(ClassLoader grizzly) throws ReflectiveOperationException {
            Class<?> packetType = grizzly.loadClass("org.glassfish.grizzly.http.HttpRequestPacket");
            packet = grizzly.loadClass("org.glassfish.grizzly.http.server.Request").getMethod("getRequest");
            requested = packetType.getMethod("requiresAcknowledgement");
            // protected in Grizzly: the only way to say "no 100" is the flag HttpHandler reads
            setRequested = packetType.getDeclaredMethod("requiresAcknowledgement", boolean.class);
            setRequested.setAccessible(true);
            contentLength = packetType.getMethod("getContentLength");
            method = packetType.getMethod("getMethod");
            uri = packetType.getMethod("getRequestURI");
        }

        boolean requested(Object request) throws ReflectiveOperationException {
            return (Boolean) requested.invoke(packet.invoke(request));
        }

        String method(Object request) throws ReflectiveOperationException {
            return String.valueOf(method.invoke(packet.invoke(request)));
        }

        String uri(Object request) throws ReflectiveOperationException {
            return (String) uri.invoke(packet.invoke(request));
        }

        long contentLength(Object request) throws ReflectiveOperationException {
            return (Long) contentLength.invoke(packet.invoke(request));
        }

        void withhold(Object request) throws ReflectiveOperationException {
            setRequested.invoke(packet.invoke(request), false);
        }
    }

    /** Every started listener's {@code HttpServerFilter}, through Payara's service locator and GrizzlyService. */
    private static final class HttpServerFilters {

        static List<Object> all(ClassLoader platform) throws ReflectiveOperationException {
            Object locator = Class.forName("org.glassfish.internal.api.Globals", true, platform)
                    .getMethod("getDefaultHabitat").invoke(null);
            if (locator == null) {
                throw new IllegalStateException("no service locator");
            }
            ClassLoader hk2 = locator.getClass().getClassLoader();
            Class<?> filterType = hk2.loadClass("org.glassfish.hk2.api.Filter");
            Method byContract = hk2.loadClass("org.glassfish.hk2.utilities.BuilderHelper")
                    .getMethod("createContractFilter", String.class);
            Method services = hk2.loadClass("org.glassfish.hk2.api.ServiceLocator").getMethod("getAllServices", filterType);
            List<?> grizzlyServices = (List<?>) services.invoke(locator,
                    byContract.invoke(null, "com.sun.enterprise.v3.services.impl.GrizzlyService"));
            if (grizzlyServices.isEmpty()) {
                throw new IllegalStateException("no GrizzlyService");
            }
            Object grizzlyService = grizzlyServices.get(0);
            Method lookup = method(grizzlyService.getClass(), "lookupNetworkProxy", 1);
            Set<Object> filters = Collections.newSetFromMap(new IdentityHashMap<>());
            // each listener is listed twice; a disabled one has no proxy
            for (Object listener : (List<?>) services.invoke(locator,
                    byContract.invoke(null, "org.glassfish.grizzly.config.dom.NetworkListener"))) {
                Object proxy = lookup.invoke(grizzlyService, listener);
                Method underlying = proxy == null ? null : method(proxy.getClass(), "getUnderlyingListener", 0);
                Object grizzlyListener = underlying == null ? null : underlying.invoke(proxy);
                Method getFilters = grizzlyListener == null ? null : method(grizzlyListener.getClass(), "getFilters", 1);
                if (getFilters != null) {
                    Class<?> httpServerFilter = grizzlyListener.getClass().getClassLoader()
                            .loadClass("org.glassfish.grizzly.http.server.HttpServerFilter");
                    filters.addAll((List<?>) getFilters.invoke(grizzlyListener, httpServerFilter));
                }
            }
            return new ArrayList<>(filters);
        }

        /** The public method of that name and arity, or null (by name: its parameter types are Payara's). */
        private static Method method(Class<?> type, String name, int parameters) {
            for (Method candidate : type.getMethods()) {
                if (candidate.getName().equals(name) && candidate.getParameterCount() == parameters) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
