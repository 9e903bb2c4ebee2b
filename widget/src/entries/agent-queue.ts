/**
 * Package entry `escalated/agent-queue`: registers `<escalated-agent-queue>` and the elements
 * nested in it, and nothing else. It loads the same chunk that `escalated.js` loads when the
 * tag appears on the page.
 *
 * @example
 * import 'escalated/agent-queue';
 */
import '../agent-queue/define.js';
