package dev.ferry.rehearsal;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.StepDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * In a rehearsal only ({@code ferry.rehearsal.enabled}): every call to a system ({@code kamelet:}, {@code rpa:},
 * {@code http:}, {@code https:}) is answered from the order's recording instead of being made, and a step a
 * reviewer approved is passed. Everything else in the routes runs as written. Camel Spring Boot adds
 * InterceptStrategy beans to the context by itself.
 */
@Component
@ConditionalOnProperty(name = "ferry.rehearsal.enabled", havingValue = "true")
class RecordedAnswers implements InterceptStrategy {

    private static final String[] SYSTEM_SCHEMES = {"kamelet:", "rpa:", "http:", "https:"};

    private final Rehearsal rehearsal;

    RecordedAnswers(Rehearsal rehearsal) {
        this.rehearsal = rehearsal;
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        String uri = definition instanceof SendDefinition<?> send ? send.getEndpointUri()
                : definition instanceof ToDynamicDefinition dynamic ? dynamic.getUri() : null;
        if (uri != null && callsASystem(uri)) {
            return AsyncProcessorConverterHelper.convert(new AnsweringProcessor(context, resolved(context, uri), rehearsal));
        }
        if (definition instanceof StepDefinition step && step.hasCustomIdAssigned()) {
            return new ApprovedStep(step.getId(), target, rehearsal);
        }
        return target;
    }

    // a Kamelet's own route names its properties ({{baseUrl}}), which only the Kamelet knows
    private static String resolved(CamelContext context, String uri) {
        try {
            return context.resolvePropertyPlaceholders(uri);
        } catch (RuntimeException templateProperty) {
            return uri;
        }
    }

    private static boolean callsASystem(String uri) {
        for (String scheme : SYSTEM_SCHEMES) {
            if (uri.startsWith(scheme)) {
                return true;
            }
        }
        return false;
    }
}
