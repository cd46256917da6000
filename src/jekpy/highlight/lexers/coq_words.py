"""Word lists of Rouge 3.30's ``coq`` lexer (lexers/coq.py), kept apart from it."""

from __future__ import annotations

COQ = ["Definition", "Theorem", "Lemma", "Remark", "Example", "Fixpoint", "CoFixpoint", "Record", "Inductive", "CoInductive", "Corollary", "Goal", "Proof", "Ltac", "Require", "Import", "Export", "Module", "Section", "End", "Variable", "Context", "Polymorphic", "Monomorphic", "Universe", "Universes", "Variables", "Class", "Instance", "Global", "Local", "Include", "Printing", "Notation", "Infix", "Arguments", "Hint", "Rewrite", "Immediate", "Qed", "Defined", "Opaque", "Transparent", "Existing", "Compute", "Eval", "Print", "SearchAbout", "Search", "About", "Check"]

LTAC = ["apply", "eapply", "auto", "eauto", "rewrite", "setoid_rewrite", "with", "in", "as", "at", "destruct", "split", "inversion", "injection", "intro", "intros", "unfold", "fold", "cbv", "cbn", "lazy", "subst", "clear", "symmetry", "transitivity", "etransitivity", "erewrite", "edestruct", "constructor", "econstructor", "eexists", "exists", "f_equal", "refine", "instantiate", "revert", "simpl", "specialize", "generalize", "dependent", "red", "induction", "beta", "iota", "zeta", "delta", "exfalso", "autorewrite", "setoid_rewrite", "compute", "vm_compute", "native_compute"]
