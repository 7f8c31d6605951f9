package dev.ferry.connectors;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.component.jsonata.JsonataComponent;
import org.apache.camel.component.jsonata.JsonataFrameBinding;
import org.apache.camel.support.ResourceHelper;
import org.springframework.stereotype.Component;

/**
 * The {@code jsonata:} component of Kamelets' mappings, with endpoints that parse their mapping once
 * rather than on every message (see {@link CompiledJsonataEndpoint}). Registered under the component's
 * own name, so Kamelets keep writing {@code jsonata:file:...} and Camel's starter steps aside.
 */
@Component("jsonata")
class CompiledJsonataComponent extends JsonataComponent {

    // as JsonataComponent.createEndpoint, with the caching endpoint
    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        boolean contentCache = getAndRemoveParameter(parameters, "contentCache", Boolean.class, isContentCache());
        JsonataFrameBinding binding = resolveAndRemoveReferenceParameter(parameters, "frameBinding",
                JsonataFrameBinding.class);
        var endpoint = new CompiledJsonataEndpoint(uri, this, remaining, binding == null ? getFrameBinding() : binding);
        endpoint.setContentCache(contentCache);
        endpoint.setAllowTemplateFromHeader(isAllowTemplateFromHeader());
        if (ResourceHelper.isHttpUri(remaining)) {
            endpoint.setResourceUri(ResourceHelper.appendParameters(remaining, parameters));
        }
        return endpoint;
    }
}
