import { useState } from "react";
import type { AppSettings } from "../../../../app/contract/types";
import type { ErrorData } from "../../../../app/contract/errors";
import { useSettingsStore } from "../../stores/settingsStore";
import { ErrorMessage } from "../common/ErrorMessage";

/** Threads (empty = one per detected core) and context size; saved together. */
export function GenerationSettings({ settings }: { settings: AppSettings }) {
  const info = useSettingsStore((s) => s.info);
  const [threads, setThreads] = useState(settings.threads?.toString() ?? "");
  const [contextSize, setContextSize] = useState(settings.contextSize.toString());
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    const result = await useSettingsStore.getState().update({
      threads: threads.trim() === "" ? null : Number(threads),
      contextSize: Number(contextSize),
    });
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
  };
  return (
    <form
      className="settings-form"
      aria-label="Generation"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="threads">Threads</label>
      <input
        id="threads"
        type="number"
        min={1}
        max={256}
        placeholder="Auto"
        value={threads}
        aria-describedby="threads-hint"
        onChange={(e) => setThreads(e.target.value)}
      />
      <p id="threads-hint" className="field-hint">
        Empty = automatic: one per CPU core.
        {info &&
          ` This computer has ${info.cpuCores} ${info.cpuCores === 1 ? "core" : "cores"}; ${info.threads} in use now.`}
      </p>
      <label htmlFor="context-size">Context size (tokens)</label>
      <input
        id="context-size"
        type="number"
        min={256}
        max={131072}
        step={256}
        required
        value={contextSize}
        aria-describedby="context-hint"
        onChange={(e) => setContextSize(e.target.value)}
      />
      <p id="context-hint" className="field-hint">
        How much of the conversation the model sees. Larger needs more memory. Default 4096.
      </p>
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button primary">
          Save
        </button>
        <span className="field-hint" role="status">
          {saved ? "Saved. Applies from the next answer." : ""}
        </span>
      </div>
    </form>
  );
}
