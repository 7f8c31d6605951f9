package dev.ferry.authoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.FromDefinition;
import org.apache.camel.model.LogDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.StepDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.WhenDefinition;
import org.apache.camel.model.language.ExpressionDefinition;

/**
 * The walk over the routes Camel's parser built, node by node: each endpoint ({@code from}, {@code to},
 * {@code toD} ...), expression, {@code log} message, {@code bean:} step and journalled step id, checked where
 * it is written. Kamelet templates are walked with their properties' defaults filled in.
 */
final class ModelWalk {

    private final SourceLines lines;
    private final EndpointCheck endpoints;
    private final ExpressionCheck expressions;
    private final BeanCheck beans;
    private final List<Mistake> mistakes;
    private final Map<String, Place> stepIds = new HashMap<>();

    /** {@code beans}: null to leave {@code bean:} steps to Spring (at start). */
    ModelWalk(SourceLines lines, EndpointCheck endpoints, ExpressionCheck expressions, BeanCheck beans,
            List<Mistake> mistakes) {
        this.lines = lines;
        this.endpoints = endpoints;
        this.expressions = expressions;
        this.beans = beans;
        this.mistakes = mistakes;
    }

    /**
     * {@code template}: how a text is filled in before it is checked (a Kamelet's defaults); {@code journalled}:
     * whether its step ids name journal entries (a route's, not a Kamelet's).
     */
    void route(RouteDefinition route, UnaryOperator<String> template, boolean journalled) {
        FromDefinition from = route.getInput();
        if (from != null) {
            lines.at(from.getLocation(), from.getLineNumber(), from.getUri())
                    .forEach(place -> endpoints.check(template.apply(from.getUri()), place, mistakes));
        }
        for (ProcessorDefinition<?> output : route.getOutputs()) {
            node(output, template, journalled);
        }
    }

    private void node(ProcessorDefinition<?> node, UnaryOperator<String> template, boolean journalled) {
        if (node instanceof SendDefinition<?> send && send.getUri() != null) {
            at(node, send.getUri()).forEach(place -> endpoints.check(template.apply(send.getUri()), place, mistakes));
        }
        if (node instanceof ToDynamicDefinition dynamic && dynamic.getUri() != null) {
            at(node, dynamic.getUri())
                    .forEach(place -> endpoints.checkDynamic(template.apply(dynamic.getUri()), place, mistakes));
        }
        if (node instanceof ExpressionNode expressive && expressive.getExpression() != null) {
            expression(node.getLocation(), node.getLineNumber(), expressive.getExpression(), template);
        }
        if (beans != null && node instanceof BeanDefinition bean) {
            at(node, bean.getRef() == null ? "bean" : bean.getRef())
                    .forEach(place -> beans.check(bean.getRef(), bean.getMethod(), place, mistakes));
        }
        if (node instanceof LogDefinition log && log.getMessage() != null) {
            at(node, log.getMessage()).forEach(place ->
                    expressions.check("simple", template.apply(log.getMessage()), place, mistakes));
        }
        if (journalled && node instanceof StepDefinition step && step.getId() != null) {
            at(node, step.getId()).forEach(place -> stepId(step.getId(), place));
        }
        if (node instanceof ChoiceDefinition choice) {
            List<ProcessorDefinition<?>> branches = new ArrayList<>();
            for (WhenDefinition when : choice.getWhenClauses()) {
                if (when.getExpression() != null) {
                    expression(when.getLocation(), when.getLineNumber(), when.getExpression(), template);
                }
                branches.addAll(when.getOutputs());
            }
            if (choice.getOtherwise() != null) {
                branches.addAll(choice.getOtherwise().getOutputs());
            }
            branches.forEach(branch -> node(branch, template, journalled));
            return;
        }
        for (ProcessorDefinition<?> output : node.getOutputs()) {
            node(output, template, journalled);
        }
    }

    private void stepId(String id, Place place) {
        Place first = stepIds.putIfAbsent(id, place);
        if (first != null) {
            mistakes.add(place.mistake("the step id '" + id + "' is used twice (first at " + first.file() + ":"
                    + first.line() + "): a step's id names its journal entry, so each order would skip the second"
                    + " step"));
        }
    }

    private void expression(String location, int line, ExpressionDefinition expression,
            UnaryOperator<String> template) {
        String text = expression.getExpression();
        if (text == null) {
            return;
        }
        lines.at(location, line, text).forEach(place ->
                expressions.check(expression.getLanguage(), template.apply(text), place, mistakes));
    }

    private List<Place> at(ProcessorDefinition<?> node, String text) {
        return lines.at(node.getLocation(), node.getLineNumber(), text);
    }
}
