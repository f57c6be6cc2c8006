/** One class per check of rules.md, named after its id ({@code Mr44ProlongedSolitary} for MR44-PROLONGED-SOLITARY). */
package org.casetimeline.core.compliance.rules;
