import { useState } from "react";
import type { CloudStatus } from "../../../../app/contract/types";
import { keyStorageText } from "../../lib/describeReport";
import { useCloudStore } from "../../stores/cloudStore";
import { useUiStore } from "../../stores/uiStore";

/** Where the key is kept (never the key itself), and "Forget key". */
export function ApiKeyStatus({ status }: { status: CloudStatus }) {
  const [busy, setBusy] = useState(false);
  const forget = async () => {
    setBusy(true);
    const result = await useCloudStore.getState().forgetKey();
    setBusy(false);
    if (!result.ok) useUiStore.getState().showNotice(result.error);
  };
  if (!status.hasKey) {
    return (
      <p id="cloud-key-status" className="field-hint">
        No key saved. Servers on your own network often need none.
      </p>
    );
  }
  const fromEnvironment = status.keyStorage === "environment";
  return (
    <p id="cloud-key-status" className="field-hint key-status">
      <span>Key saved in {keyStorageText(status.keyStorage)}.</span>
      {fromEnvironment ? (
        <span> To forget it, unset that variable and restart Tandem.</span>
      ) : (
        <button type="button" className="link-button" disabled={busy} onClick={() => void forget()}>
          Forget key
        </button>
      )}
    </p>
  );
}
