/** The one IPC channel main uses to push back-end events (`ChatEvent`) to the window. */
export const EVENT_CHANNEL = "tandem:event";
