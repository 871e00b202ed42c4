import type { AppSettings } from "../../../app/contract/types";

const darkQuery = "(prefers-color-scheme: dark)";

/**
 * Sets `data-theme` on <html> to "light" or "dark". For "system" it follows the OS and keeps
 * following it while the app is open. Returns a function that stops following.
 */
export function applyTheme(theme: AppSettings["theme"]): () => void {
  const root = document.documentElement;
  if (theme !== "system") {
    root.dataset.theme = theme;
    return () => {};
  }
  const media = matchMedia(darkQuery);
  const update = () => {
    root.dataset.theme = media.matches ? "dark" : "light";
  };
  update();
  media.addEventListener("change", update);
  return () => media.removeEventListener("change", update);
}
