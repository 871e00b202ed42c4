import { useCloudStore } from "../../stores/cloudStore";
import { Icon } from "../common/Icon";

/**
 * "Test connection" against the saved set-up (saving unsaved changes first), with the host's
 * plain-words result. The test request is itself audited like every request that leaves.
 */
export function ConnectionTestButton({ beforeTest }: { beforeTest?: () => Promise<boolean> }) {
  const testing = useCloudStore((s) => s.testing);
  const test = useCloudStore((s) => s.test);
  const configured = useCloudStore((s) => s.status?.configured ?? false);
  const run = async () => {
    if (beforeTest && !(await beforeTest())) return;
    await useCloudStore.getState().runTest();
  };
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={testing || (!configured && !beforeTest)}
        onClick={() => void run()}
      >
        {testing ? "Testing…" : "Test connection"}
      </button>
      {test && (
        <p className={`test-result ${test.ok ? "ok" : "failed"}`} role="status">
          <Icon name={test.ok ? "check" : "alert"} size={14} />
          <span>
            {test.message}
            {test.models && test.models.length > 0 && (
              <span className="test-models"> Models: {summarize(test.models)}</span>
            )}
          </span>
        </p>
      )}
    </>
  );
}

function summarize(models: string[]): string {
  const shown = models.slice(0, 8).join(", ");
  return models.length > 8 ? `${shown} and ${models.length - 8} more` : shown;
}
