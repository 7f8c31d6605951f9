package dev.ferry.authoring;

import java.util.Locale;

/** The text of a new connector's files, in the shape of the Kamelets Ferry ships (connectors/erp/). */
final class ConnectorTemplate {

    private ConnectorTemplate() {
    }

    static String kamelet(String system, String action, String method, String path) {
        String title = system.toUpperCase(Locale.ROOT) + ": " + action.replace('-', ' ');
        return """
                apiVersion: camel.apache.org/v1
                kind: Kamelet
                metadata:
                  name: SYSTEM-ACTION-action
                  annotations:
                    camel.apache.org/kamelet.support.level: "Preview"
                    camel.apache.org/provider: "Ferry"
                  labels:
                    camel.apache.org/kamelet.type: "action"
                spec:
                  definition:
                    title: "TITLE"
                    description: |-
                      Calls SYSTEM: METHOD PATH.
                      Input: the order document. Output: what the transform at the end keeps of the reply, recorded
                      in the order's refs. The request body is built by ACTION.jsonata next to this file.
                      Authentication and the Idempotency-Key (<orderId>:<step>) are added by Ferry from
                      ferry.connectors.SYSTEM.* in config/.
                    type: object
                    properties:
                      connector:
                        title: Connector
                        description: The ferry.connectors.<name> settings in config/ whose credentials the call carries.
                        type: string
                        default: "SYSTEM"
                      method:
                        title: HTTP method
                        description: The call's HTTP method; a call other than GET sends JSON with the Idempotency-Key <orderId>:<step>.
                        type: string
                        enum: ["GET", "POST", "PUT", "PATCH", "DELETE"]
                        default: "METHOD"
                      path:
                        title: Path
                        description: Path and query under baseUrl; a {field.path} in braces is filled in from the order document, URL-encoded.
                        type: string
                        default: "PATH"
                      baseUrl:
                        title: Base URL
                        description: Root URL of the system's REST API.
                        type: string
                        default: "{{ferry.connectors.SYSTEM.base-url}}"
                        example: "https://SYSTEM.example.com"
                      mapping:
                        title: Request mapping
                        description: JSONata file that turns the order document into the system's request.
                        type: string
                        default: "file:{{ferry.home}}/connectors/SYSTEM/ACTION.jsonata"
                        example: "file:connectors/SYSTEM/ACTION.jsonata"
                  dependencies:
                    - "camel:http"
                    - "camel:jsonata"
                    - "camel:jq"
                  template:
                    from:
                      uri: "kamelet:source"
                      steps:
                        - to:
                            uri: "jsonata:{{mapping}}"
                            parameters:
                              inputType: Jackson
                              outputType: JsonString
                        - bean:
                            ref: connectors
                            method: "prepare(*, '{{connector}}', '{{method}}', '{{path}}')"
                        - to:
                            uri: "{{baseUrl}}"
                            parameters:
                              # the system's own read timeout (ferry.connectors.SYSTEM.read-timeout)
                              httpClientConfigurer: "#SYSTEMHttpClient"
                        # what the order keeps of the reply: the system's id for it, as its answer names it
                        - transform:
                            jq:
                              expression: "{ REF: .id }"
                """.replace("SYSTEM", system).replace("ACTION", action).replace("METHOD", method)
                .replace("PATH", path).replace("TITLE", title).replace("REF", ref(system));
    }

    static String mapping(String system, String method, String path) {
        return "/* Ferry order document -> " + system + " request (" + method + " " + path + ") */\n"
                + "{\n  \"reference\": orderId,\n  \"externalId\": externalId\n}\n";
    }

    /** The lines to add under ferry: connectors: in config/application.yaml. */
    static String settings(String system) {
        String variable = "FERRY_" + system.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
        return "add under ferry: connectors: in config/application.yaml (docs/connectors.md#configuration-and-"
                + "credentials):\n"
                + "    " + system + ":\n"
                + "      base-url: ${" + variable + ":http://localhost:9100}\n"
                + "      read-timeout: 30s\n"
                + "      # none | bearer (token) | api-key (api-key) | basic (username, password), from the environment\n"
                + "      auth: none\n";
    }

    /** crm -> crmId, freight-portal -> freightPortalId. */
    private static String ref(String system) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : system.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name + "Id";
    }
}
