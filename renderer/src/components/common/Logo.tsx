/** Tandem's mark: two overlapping rings — a local model and the user, side by side. */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="9" cy="12" r="6" fill="none" stroke="var(--accent)" strokeWidth="2.2" />
      <circle cx="15" cy="12" r="6" fill="none" stroke="var(--accent-2)" strokeWidth="2.2" />
    </svg>
  );
}
