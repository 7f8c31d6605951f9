package dev.ferry.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.model.StepDefinition;
import org.apache.camel.model.ToDefinition;
import org.junit.jupiter.api.Test;

class BotStepsTests {

    private final BotSteps botSteps = new BotSteps();

    @Test
    void aStepThatCallsABotIsABotStep() {
        StepDefinition step = step("book-freight");
        step.addOutput(new ToDefinition("rpa:book-freight"));

        assertThat(botSteps.note(step)).isTrue();
        assertThat(botSteps.contains("book-freight")).isTrue();
    }

    @Test
    void aStepThatCallsAConnectorIsNot() {
        StepDefinition step = step("create-shipment");
        step.addOutput(new ToDefinition("kamelet:shipping-create-shipment-action"));

        assertThat(botSteps.note(step)).isFalse();
        assertThat(botSteps.contains("create-shipment")).isFalse();
    }

    @Test
    void aBotCallInsideAnotherProcessorCounts() {
        StepDefinition inner = step("inner");
        inner.addOutput(new ToDefinition("rpa:book-freight"));
        StepDefinition outer = step("book-twice");
        outer.addOutput(inner);

        assertThat(botSteps.note(outer)).isTrue();
    }

    private static StepDefinition step(String id) {
        StepDefinition step = new StepDefinition();
        step.setId(id);
        return step;
    }
}
