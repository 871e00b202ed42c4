import { useEffect, useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import type { ProfileData } from "../../../../app/contract/types";
import { useProfileStore } from "../../stores/profileStore";
import { ErrorMessage } from "../common/ErrorMessage";
import { FamilyFields } from "./FamilyFields";
import { TermChips } from "../common/TermChips";

/** Loads the profile, then edits a copy of it; Save stores the whole profile at once. */
export function ProfileForm() {
  const profile = useProfileStore((s) => s.profile);
  useEffect(() => void useProfileStore.getState().load(), []);
  if (!profile) return <p className="field-hint">Loading…</p>;
  return <ProfileEditor initial={profile} />;
}

function ProfileEditor({ initial }: { initial: ProfileData }) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const change = (patch: Partial<ProfileData>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const save = async () => {
    // Rows left without a name are unfinished, not family members.
    const family = draft.family
      .map((f) => ({ name: f.name.trim(), relation: f.relation.trim() }))
      .filter((f) => f.name);
    const result = await useProfileStore.getState().save({ ...draft, family });
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    if (result.ok) setDraft(result.value);
  };
  const text = (key: "name" | "city" | "job", label: string, placeholder: string) => (
    <div className="field">
      <label htmlFor={`profile-${key}`}>{label}</label>
      <input
        id={`profile-${key}`}
        type="text"
        value={draft[key]}
        placeholder={placeholder}
        maxLength={200}
        onChange={(e) => change({ [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="profile-form"
      aria-label="Profile"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field-grid">
        {text("name", "Name", "Your name")}
        {text("city", "City", "Where you live")}
        {text("job", "Job", "What you do")}
      </div>
      <FamilyFields family={draft.family} onChange={(family) => change({ family })} />
      <div className="field">
        <label htmlFor="profile-health">Health notes</label>
        <textarea
          id="profile-health"
          rows={3}
          value={draft.healthNotes}
          maxLength={20_000}
          onChange={(e) => change({ healthNotes: e.target.value })}
        />
      </div>
      <TermChips terms={draft.alwaysPrivate} onChange={(alwaysPrivate) => change({ alwaysPrivate })} />
      <div className="field">
        <label htmlFor="profile-free">Anything else the model should know</label>
        <textarea
          id="profile-free"
          rows={4}
          value={draft.freeText}
          maxLength={20_000}
          onChange={(e) => change({ freeText: e.target.value })}
        />
      </div>
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button primary">
          Save profile
        </button>
        <span className="field-hint" role="status">
          {saved ? "Profile saved." : ""}
        </span>
      </div>
    </form>
  );
}
