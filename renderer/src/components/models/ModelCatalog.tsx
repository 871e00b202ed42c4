import { useEffect } from "react";
import "../../styles/models.css";
import { useModelsStore } from "../../stores/modelsStore";
import { CatalogCard } from "./CatalogCard";

/**
 * The recommended models with a fit verdict for this computer. `compact` (first run) lists the
 * ones that fit, the recommended one first.
 */
export function ModelCatalog({ compact = false }: { compact?: boolean }) {
  const catalog = useModelsStore((s) => s.catalog);
  const downloads = useModelsStore((s) => s.downloads);
  useEffect(() => void useModelsStore.getState().load(), []);
  if (!catalog) return <p className="field-hint">Looking at this computer…</p>;
  const shown = compact
    ? [
        ...catalog.filter((i) => i.recommended),
        ...catalog.filter((i) => !i.recommended && i.fit.verdict !== "too-large"),
      ]
    : catalog;
  return (
    <ul className={`catalog${compact ? " compact" : ""}`} aria-label="Recommended models">
      {shown.map((item) => (
        <CatalogCard key={item.id} item={item} download={downloads.find((d) => d.uri === item.uri)} />
      ))}
    </ul>
  );
}
