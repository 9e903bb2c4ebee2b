/**
 * Package entry `escalated/admin`: registers `<escalated-admin>` and the elements nested in
 * it, and nothing else. It loads the same chunk that `escalated.js` loads when the tag appears
 * on the page.
 *
 * @example
 * import 'escalated/admin';
 */
import '../admin/define.js';
