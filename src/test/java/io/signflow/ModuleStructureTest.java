package io.signflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module boundaries: no cycles, no dependency a module has not declared in its
 * package-info.java, no use of another module's package-private types; and the module map in
 * docs/architecture.md shows exactly the declared dependencies.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SignflowApplication.class);
    /** An arrow of the Mermaid flowchart: {@code a --> b}. */
    static final Pattern ARROW = Pattern.compile("^\\s*(\\w+) --> (\\w+)\\s*$", Pattern.MULTILINE);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModuleMapShowsTheDeclaredDependencies() throws IOException {
        Set<String> declared = new TreeSet<>();
        MODULES.forEach(module -> {
            String name = module.getBasePackage().getName();
            Arrays.stream(declaration(name).allowedDependencies())
                    .filter(target -> !target.equals("common"))
                    .forEach(target -> declared.add(module.getIdentifier() + " --> " + target));
        });
        Set<String> drawn = new TreeSet<>();
        Matcher arrow = ARROW.matcher(Files.readString(Path.of("docs/architecture.md")));
        while (arrow.find()) {
            drawn.add(arrow.group(1) + " --> " + arrow.group(2));
        }
        assertThat(drawn).isEqualTo(declared);
    }

    private static ApplicationModule declaration(String basePackage) {
        try {
            ApplicationModule module = Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
            assertThat(module).as(basePackage + " declares its allowed dependencies").isNotNull();
            return module;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(basePackage + " has no package-info.java declaring its module", e);
        }
    }
}
