import type { ProfileData } from "../../../../app/contract/types";
import { Icon } from "../common/Icon";

type Family = ProfileData["family"];

/** Family members as rows of name + relation; rows can be added and removed. */
export function FamilyFields({ family, onChange }: { family: Family; onChange(family: Family): void }) {
  const update = (index: number, patch: Partial<Family[number]>) =>
    onChange(family.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  return (
    <fieldset className="family-fields">
      <legend>Family members</legend>
      {family.length === 0 && <p className="field-hint">None yet.</p>}
      {family.map((member, i) => (
        <div key={i} className="family-row">
          <input
            type="text"
            aria-label={`Family member ${i + 1}: name`}
            placeholder="Name"
            value={member.name}
            maxLength={200}
            onChange={(e) => update(i, { name: e.target.value })}
          />
          <input
            type="text"
            aria-label={`Family member ${i + 1}: relation`}
            placeholder="Relation, e.g. daughter"
            value={member.relation}
            maxLength={200}
            onChange={(e) => update(i, { relation: e.target.value })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove family member ${i + 1}${member.name ? ` (${member.name})` : ""}`}
            onClick={() => onChange(family.filter((_, j) => j !== i))}
          >
            <Icon name="close" size={15} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button ghost add-row"
        disabled={family.length >= 50}
        onClick={() => onChange([...family, { name: "", relation: "" }])}
      >
        <Icon name="plus" size={14} /> Add family member
      </button>
    </fieldset>
  );
}
