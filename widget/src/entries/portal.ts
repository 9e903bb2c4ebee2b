/**
 * Package entry `escalated/portal`: registers `<escalated-portal>` and the elements nested in
 * it, and nothing else. The code is shared with `escalated.js`, so a page that loads both runs
 * it once.
 *
 * @example
 * import 'escalated/portal';
 */
import '../portal/define.js';
