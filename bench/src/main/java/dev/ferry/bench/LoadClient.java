package dev.ferry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The load's HTTP client: Apache HttpClient 5, classic (blocking) with a pool of kept-alive connections — the
 * client library Ferry's own connectors use, and a cheap one: the load generator shares the cores it measures.
 */
final class LoadClient implements AutoCloseable {

    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final CloseableHttpClient client;

    LoadClient(int connections) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                                .setSocketTimeout(Timeout.ofSeconds(120)).build())
                        .build())
                .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling()
                .disableContentCompression().build();
    }

    Answer get(URI uri, Map<String, String> headers) {
        return execute(new HttpGet(uri), headers);
    }

    Answer post(URI uri, Map<String, String> headers, String json) {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return execute(post, headers);
    }

    private Answer execute(HttpUriRequestBase request, Map<String, String> headers) {
        headers.forEach(request::setHeader);
        try {
            return client.execute(request, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity())));
        } catch (IOException e) {
            throw new UncheckedIOException(request.getMethod() + " " + request.getRequestUri() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
