// The import page's entry module (import.html loads it): everything lives in js/, one concern a module.
import { startImportPage } from "./js/import-page.js";

startImportPage();
