package dev.uploadgateway.notification.control;

import dev.uploadgateway.notification.entity.Delivery;
import dev.uploadgateway.notification.entity.WebhookRefused;
import dev.uploadgateway.notification.entity.WebhookRejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Posts one notice to its receiver, on a thread of Fault Tolerance's, never the caller's; an answer
 * that is not 2xx, or none within the timeout, is retried after a delay (the numbers are the
 * {@code rollout.webhooks.*} keys, mapped onto this method's Fault Tolerance keys). A 4xx other than
 * 408 and 429 is final.
 */
@ApplicationScoped
public class WebhookPost {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Asynchronous
    @Retry(abortOn = WebhookRejected.class)
    @Timeout
    public CompletionStage<Integer> post(Delivery delivery, Duration timeout) {
        delivery.attempts().incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(delivery.receiver().url()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "upload-gateway")
                .header(WebhookSignature.HEADER, delivery.signature())
                .header("X-Upload-Gateway-Event", delivery.event())
                .header("X-Upload-Gateway-Delivery", delivery.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new WebhookRefused("the receiver could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Fault Tolerance's timeout
            throw new WebhookRefused("the receiver did not answer in time", e);
        }
        delivery.lastStatus().set(status);
        if (status / 100 == 2) {
            return CompletableFuture.completedFuture(status);
        }
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw new WebhookRejected(status);
        }
        throw new WebhookRefused(status);
    }
}
