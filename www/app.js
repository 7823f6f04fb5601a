// The form page's entry module (index.html loads it): everything lives in js/, one concern a module.
import { startFormPage } from "./js/form-page.js";

startFormPage();
