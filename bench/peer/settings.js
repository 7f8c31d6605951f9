// Node-RED settings for the bench's peer (bench/README.md, scenario peer): the flow in bench/peer/flow.json
// and nothing else. No editor or admin API, no credentials file, no telemetry, logging at warn. bench/run sets
// the PEER_* variables (port, folders, the sandbox's URLs and keys) when it starts the process.
module.exports = {
    uiHost: '127.0.0.1',
    uiPort: parseInt(process.env.PEER_PORT, 10),
    httpAdminRoot: false,
    httpNodeRoot: '/',
    userDir: process.env.PEER_USER_DIR,
    flowFile: process.env.PEER_FLOW_FILE,
    credentialSecret: false,
    disableEditor: true,
    functionExternalModules: true,
    externalModules: { autoInstall: false, palette: { allowInstall: false } },
    diagnostics: { enabled: false },
    runtimeState: { enabled: false },
    telemetry: { enabled: false, updateNotification: false },
    logging: { console: { level: 'warn', metrics: false, audit: false } },
    contextStorage: { default: { module: 'memory' } },
    editorTheme: { projects: { enabled: false } }
};
