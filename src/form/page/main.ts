/// <reference lib="dom" />
/** The form page's entry: its data is the JSON block the command embedded. */
import type { FormModel } from "../model.ts";
import { FormApp } from "./app.ts";

const data = document.getElementById("kikitori-data")?.textContent;
const root = document.getElementById("app");
if (data && root) new FormApp(JSON.parse(data) as FormModel, root);
