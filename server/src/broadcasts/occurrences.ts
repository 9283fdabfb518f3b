/**
 * What the posts feature may do to occurrences, the engine's input: add a schedule's send times, edit
 * or cancel them before they are due. `occurrences` is written only in broadcasts/.
 */
export {
  cancelOverdueOccurrences,
  cancelPendingOccurrences,
  cancelScheduleOccurrences,
  insertOccurrences,
  updateOccurrence,
} from './occurrences-sql.js';
