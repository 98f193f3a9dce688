export { APP_CONFIG, DEFAULT_EMBEDDED_SEARCH_URL, MATCH_FACTOR_KEYS, type AppConfig, type MatchFactorKey } from './app-config.js';
export { ConfigError, ENV_KEYS, childEnvironment, getConfig, getConfigOrExit, loadConfig } from './load-config.js';
export { ConfigModule } from './config.module.js';
export { createAppLogger } from './app-logger.js';
export { exitWithParent } from './exit-with-parent.js';
export { Clock, SystemClock } from './clock.js';
