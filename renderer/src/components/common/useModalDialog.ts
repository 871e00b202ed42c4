import { useEffect, useRef } from "react";

/**
 * Shows a native <dialog> as modal while mounted (focus trapped, the page inert behind it),
 * focuses its `data-autofocus` element, and when it goes puts the focus back where it was.
 * (React's autoFocus fires before showModal() and would be lost on a hidden dialog.) An action
 * run from the dialog moves the focus after this, on purpose (see CommandPalette).
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      dialog?.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);
  return ref;
}
