import type { ErrorData } from "../../../../app/contract/errors";
import { errorText } from "../../errorText";
import { Icon } from "./Icon";

/** An inline error: the catalog's headline, then the back end's specific message. */
export function ErrorMessage({ error, id }: { error: ErrorData; id?: string }) {
  const { summary, detail } = errorText(error);
  return (
    <div className="error-message" role="alert" id={id}>
      <Icon name="alert" size={16} />
      <div>
        <p className="error-summary">{summary}</p>
        {detail && <p className="error-detail">{detail}</p>}
      </div>
    </div>
  );
}
