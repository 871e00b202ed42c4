import { useEffect } from "react";
import { useUiStore } from "../../stores/uiStore";

/** Follows the browser's view of the network (`navigator.onLine` and its online/offline events). */
export function useNetworkStatus(): void {
  useEffect(() => {
    const update = () => useUiStore.getState().setNetworkOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
}
