import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { connectBackend } from "./api/connectBackend";
import { App } from "./components/layout/App";
import { wireBackend } from "./stores/wireBackend";
import "./styles.css";

// Connect before the first render so no pushed event is missed.
wireBackend(connectBackend());

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
