/** What monitors ask the system to record: intent records, one per file, named in the imperative. */
package org.casetimeline.core.command;
