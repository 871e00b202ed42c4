import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import { downloadFile } from "../../lib/downloadFile";
import { useChatStore } from "../../stores/chatStore";
import { useDataStore } from "../../stores/dataStore";
import { ErrorMessage } from "../common/ErrorMessage";

/** The open conversation as a Markdown transcript or a JSON file, downloaded. */
export function ExportConversation() {
  const conversation = useChatStore((s) => s.conversation);
  const [error, setError] = useState<ErrorData | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const download = async (format: "md" | "json") => {
    if (!conversation) return;
    setDone(null);
    const result = await useDataStore.getState().exportConversation({ conversationId: conversation.id, format });
    setError(result.ok ? null : result.error);
    if (!result.ok || result.value.content === null) return;
    downloadFile(result.value.fileName, result.value.mime, result.value.content);
    setDone(`Downloaded ${result.value.fileName}.`);
  };
  return (
    <section className="data-block" aria-labelledby="export-one-heading">
      <h3 id="export-one-heading">Export the open conversation</h3>
      {conversation ? (
        <>
          <p className="field-hint">
            “{conversation.title}”: Markdown to read or share, JSON to import into Tandem elsewhere. Neither includes
            your private context.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void download("md")}>
              Markdown
            </button>
            <button type="button" className="button" onClick={() => void download("json")}>
              JSON
            </button>
            <span className="field-hint" role="status">
              {done ?? ""}
            </span>
          </div>
          {error && <ErrorMessage error={error} />}
        </>
      ) : (
        <p className="field-hint">Open a conversation first to export it on its own.</p>
      )}
    </section>
  );
}
