import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * At most `max` field selections in one operation, `__typename` and introspection fields counted
 * like any other, each fragment counted every time it is spread (so a small document cannot
 * multiply into a huge one). The alias and cost rules leave `__typename` free; this one does not.
 */
export function maxFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const counted = countFields(operation.selectionSet, context, new Map(), new Set(), max);
      if (counted > max) {
        context.reportError(new GraphQLError(`Field limit of ${max} exceeded: this operation selects more than ${max} fields (fragments counted each time they are spread).`, { nodes: [operation] }));
      }
    },
  });
}

/** Stops counting once past `max`; a fragment spread inside itself counts as nothing more (NoFragmentCycles reports it). */
function countFields(selectionSet: SelectionSetNode, context: ValidationContext, fragments: Map<string, number>, visiting: Set<string>, max: number): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (count > max) return count;
    if (selection.kind === Kind.FIELD) {
      count += 1 + (selection.selectionSet ? countFields(selection.selectionSet, context, fragments, visiting, max - count) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countFields(selection.selectionSet, context, fragments, visiting, max - count);
    } else {
      count += fragmentFields(selection.name.value, context, fragments, visiting, max - count);
    }
  }
  return count;
}

function fragmentFields(name: string, context: ValidationContext, fragments: Map<string, number>, visiting: Set<string>, max: number): number {
  const known = fragments.get(name);
  if (known !== undefined) return known;
  const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
  if (!fragment || visiting.has(name)) return 0;
  visiting.add(name);
  const count = countFields(fragment.selectionSet, context, fragments, visiting, max);
  visiting.delete(name);
  // A count cut short at `max` is only a lower bound; it is still past any later limit.
  fragments.set(name, count);
  return count;
}
