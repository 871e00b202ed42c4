import type { ProxyStatus } from "../../../../app/contract/types";

/** The apps that used the privacy proxy, by the name they send (User-Agent), newest first. */
export function ProxyClients({ clients }: { clients: ProxyStatus["clients"] }) {
  if (clients.length === 0) return <p className="field-hint">No app has used the proxy yet.</p>;
  return (
    <div className="table-scroll">
      <table className="log-table">
        <caption>Apps that used the proxy</caption>
        <thead>
          <tr>
            <th scope="col">App</th>
            <th scope="col">Requests</th>
            <th scope="col">Last used</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <tr key={c.name}>
              <td>
                <code>{c.name}</code>
              </td>
              <td>{c.requests}</td>
              <td>{new Date(c.lastSeen).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
