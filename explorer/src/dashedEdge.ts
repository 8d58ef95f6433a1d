import { EdgeRectangleProgram } from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import type { RenderParams } from 'sigma/types';

/**
 * Sigma 3 draws edges as solid rectangles and ships no dashed program, so planned ties get this
 * small one: sigma's own rectangle program whose vertex shader also passes the distance along the
 * edge in device pixels, and whose fragment shader drops every other 6 px. Everything else
 * (thickness, antialiasing, picking) is sigma's code unchanged.
 */
const DASH = 'uniform vec2 u_resolution;\nvarying float v_along;\n';

function vertexShader(source: string): string {
  return (DASH + source).replace(
    /v_color\.a \*= bias;\s*\}\s*$/,
    `v_color.a *= bias;
  vec2 clipStart = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 clipEnd = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length((clipEnd - clipStart) * u_resolution * 0.5);
}
`,
  );
}

function fragmentShader(source: string): string {
  return source
    .replace('varying vec4 v_color;', 'varying vec4 v_color;\nvarying float v_along;')
    .replace('void main(void) {', 'void main(void) {\n  if (mod(v_along, 12.0) > 7.0) discard;');
}

export class EdgeDashedProgram<N extends Attributes = Attributes, E extends Attributes = Attributes> extends EdgeRectangleProgram<N, E> {
  override getDefinition(): ReturnType<EdgeRectangleProgram<N, E>['getDefinition']> {
    const definition = super.getDefinition();
    // The base type lists its uniforms as a fixed tuple; one more is added here.
    return {
      ...definition,
      VERTEX_SHADER_SOURCE: vertexShader(definition.VERTEX_SHADER_SOURCE),
      FRAGMENT_SHADER_SOURCE: fragmentShader(definition.FRAGMENT_SHADER_SOURCE),
      UNIFORMS: [...definition.UNIFORMS, 'u_resolution'] as unknown as typeof definition.UNIFORMS,
    };
  }

  override setUniforms(params: RenderParams, info: Parameters<EdgeRectangleProgram<N, E>['setUniforms']>[1]): void {
    super.setUniforms(params, info);
    info.gl.uniform2f(info.uniformLocations.u_resolution, info.gl.drawingBufferWidth, info.gl.drawingBufferHeight);
  }
}
