/**
 * A failed call to the Worker, for the participant pages (../api.ts) and the console
 * (console/ui/api.ts) alike: `message` is already in the reader's language, `fields` names
 * each bad field by the API's dotted path. `status` 0 with code "network": no connection.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}
