package dev.oomspec.reference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package shape of reference/: like the kernel's mm/, the kernel side knows nothing of BPF; no cycles. */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.oomspec.reference");

    @Test
    void noPackageCycles() {
        slices().matching("dev.oomspec.reference.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void mmKnowsNoBpfNorTheSeries() {
        noClasses().that().resideInAPackage("dev.oomspec.reference.mm..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.oomspec.reference.bpf..",
                        "dev.oomspec.reference.series..")
                .check(MAIN);
    }

    @Test
    void aRevisionKnowsNoOtherRevision() {
        String[] revs = {"rfc", "v1", "v2", "v3", "post"};
        for (String r : revs) {
            String[] others = java.util.Arrays.stream(revs).filter(o -> !o.equals(r))
                    .map(o -> "dev.oomspec.reference.series." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.oomspec.reference.series." + r + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others).check(MAIN);
        }
    }

    @Test
    void bpfKnowsOnlyUapi() {
        noClasses().that().resideInAPackage("dev.oomspec.reference.bpf..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.oomspec.reference.mm..",
                        "dev.oomspec.reference.series..", "dev.oomspec.reference.profile..")
                .check(MAIN);
    }
}
