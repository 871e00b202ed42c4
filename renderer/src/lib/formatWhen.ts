/** A conversation's last activity, short: "14:32" today, "Yesterday", "Mon", then "12 Mar 2024". */
export function formatWhen(at: number, now: number = Date.now()): string {
  const date = new Date(at);
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  const dayMs = 86_400_000;
  if (at >= startOfToday.getTime()) return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  if (at >= startOfToday.getTime() - dayMs) return "Yesterday";
  if (at >= startOfToday.getTime() - 6 * dayMs) return date.toLocaleDateString(undefined, { weekday: "short" });
  const sameYear = date.getFullYear() === startOfToday.getFullYear();
  return date.toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
  });
}
