/**
 * The console's date inputs use the Worker's wall-time module (workers/src/lib/time-zone.ts);
 * here with Node's Intl, as the browser runs it: exact at the DST edges of 2026 and 2027.
 */
import { describeWallTimes } from "../../workers/test/time-zone-cases";

describeWallTimes("Node");
